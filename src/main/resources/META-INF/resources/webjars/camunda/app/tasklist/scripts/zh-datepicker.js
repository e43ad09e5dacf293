// Chinese for the calendar of date fields in Camunda Forms (form-js draws it with flatpickr, which has no locale
// option there): flatpickr's default texts are replaced when Tasklist speaks Chinese to this browser.
import { speaksChinese } from '/webapp-zh.js';

const chinese = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动鼠标滚轮以增减',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  amPM: ['上午', '下午'],
  time_24hr: true
};

if (speaksChinese()) {
  const localize = flatpickr => {
    if (flatpickr && typeof flatpickr.localize === 'function') {
      flatpickr.localize(chinese);
    }
    return flatpickr;
  };
  if (window.flatpickr) {
    localize(window.flatpickr);
  } else {
    // flatpickr publishes itself as window.flatpickr when the form library first loads it
    let value;
    Object.defineProperty(window, 'flatpickr', {
      configurable: true,
      get: () => value,
      set: flatpickr => { value = localize(flatpickr); }
    });
  }
}

export default [];
