package org.alliance.app.checkin;

import io.nayuki.qrcodegen.QrCode;
import org.alliance.app.system.svg.SafeSvg;
import org.alliance.app.system.svg.Svg;

/** A QR code as an SVG image, drawn from the modules computed by Nayuki's qrcodegen library. */
public final class QrCodeSvg {

    private static final int BORDER = 4;

    private QrCodeSvg() {}

    /**
     * @param text what the code encodes (the check-in link)
     * @param label the accessible name of the image
     */
    public static SafeSvg of(String text, String label) {
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
        return Svg.element("svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("class", "qr")
                .attr("viewBox", "0 0 " + size + " " + size)
                .attr("role", "img")
                .attr("aria-label", label)
                .attr("shape-rendering", "crispEdges")
                .child(Svg.element("rect")
                        .attr("width", "100%")
                        .attr("height", "100%")
                        .attr("fill", "#ffffff"))
                .child(Svg.element("path").attr("d", path.toString()).attr("fill", "#000000"))
                .render();
    }
}
