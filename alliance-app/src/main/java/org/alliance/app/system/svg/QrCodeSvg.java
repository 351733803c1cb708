package org.alliance.app.system.svg;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as an SVG image, drawn from the modules computed by Nayuki's qrcodegen library. */
public final class QrCodeSvg {

    private static final int BORDER = 4;

    private QrCodeSvg() {}

    /**
     * @param text what the code encodes (the check-in link)
     * @param label the accessible name of the image
     */
    public static Svg of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return SvgWriter.svg("qr", size, size, label, "shape-rendering", "crispEdges")
                .empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff")
                .empty("path", "d", path.toString(), "fill", "#000000")
                .build();
    }
}
