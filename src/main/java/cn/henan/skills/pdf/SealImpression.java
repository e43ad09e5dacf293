package cn.henan.skills.pdf;

/**
 * A seal's impression found on a scanned page, in millimetres on the upright page (from its left and top edges).
 *
 * @param diameterMm the red ring's width and height, averaged
 */
public record SealImpression(double diameterMm, double xMm, double yMm) {
}
