package cn.henan.skills.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * The largest request body the app reads: {@value #MAX_MB} MB (a 10 MB scan is about 13.4 MB as a base64 file
 * variable). A body that states its length is refused before it is read ({@link SecurityHeaders}); a chunked one is
 * counted while it is read and given up at the limit ({@link #counted}), and whoever answers the request turns that
 * into the same 413 ({@link #exceeded}).
 */
public final class BodyLimit {
  public static final int MAX_MB = 20;
  static final long MAX_BYTES = MAX_MB * 1024L * 1024L;
  private static final String EXCEEDED = BodyLimit.class.getName() + ".exceeded";

  private BodyLimit() {
  }

  /** The 413 refusal, with the size when it is known. */
  public static Refusal tooLarge(long bytes) {
    String size = bytes > 0 ? "（" + String.format("%.1f", bytes / 1024.0 / 1024.0) + " MB）" : "";
    return new Refusal("上传的内容" + size + "超过了 " + MAX_MB + " MB 的上限，未作任何更改：扫描件最大 10 MB，数据表最大 5 MB。",
        413) {
    };
  }

  /** Whether this request's body was cut off at the limit while it was read. */
  public static boolean exceeded(ServletRequest request) {
    return request.getAttribute(EXCEEDED) != null;
  }

  /** The request with a body that stops (an IOException) once more than the limit has been read. */
  static HttpServletRequest counted(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      private ServletInputStream counted;

      @Override
      public ServletInputStream getInputStream() throws IOException {
        if (counted == null) {
          counted = new Counted(super.getInputStream(), request);
        }
        return counted;
      }
    };
  }

  private static final class Counted extends ServletInputStream {
    private final ServletInputStream body;
    private final ServletRequest request;
    private long read;

    Counted(ServletInputStream body, ServletRequest request) {
      this.body = body;
      this.request = request;
    }

    private int count(int n) throws IOException {
      if (n > 0) {
        read += n;
        if (read > MAX_BYTES) {
          request.setAttribute(EXCEEDED, Boolean.TRUE);
          throw new IOException("request body over " + MAX_MB + " MB");
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return count(body.read(buffer, offset, length));
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
