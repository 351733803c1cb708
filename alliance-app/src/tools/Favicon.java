import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes {@code static/favicon.ico}, the fallback for browsers that do not take {@code favicon.svg}: the same
 * drawing (a rounded square in the header's blue, two overlapping rings for the two sides of the alliance) at 16
 * and 32 pixels, each stored as PNG inside the ICO container. Our own drawing; run from the repository root with
 * {@code java alliance-app/src/tools/Favicon.java} after changing {@code favicon.svg}, and keep both in step.
 */
class Favicon {

    public static void main(String[] args) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : new int[] {16, 32}) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(draw(size), "png", png);
            images.add(png.toByteArray());
        }
        Path out = Path.of("alliance-app/src/main/resources/static/favicon.ico");
        Files.write(out, ico(new int[] {16, 32}, images));
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    /** The drawing of favicon.svg (viewBox 0 0 32 32) at the given size. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 32.0, size / 32.0);
        g.setColor(new Color(0x003d6b));
        g.fill(new RoundRectangle2D.Double(0, 0, 32, 32, 12, 12));
        g.setStroke(new BasicStroke(3f));
        g.setColor(Color.WHITE);
        g.draw(new Ellipse2D.Double(12.5 - 7, 16 - 7, 14, 14));
        g.setColor(new Color(0xffbf47));
        g.draw(new Ellipse2D.Double(19.5 - 7, 16 - 7, 14, 14));
        g.dispose();
        return image;
    }

    /** The ICO container: a header, one directory entry per image, then the PNG files as they are. */
    static byte[] ico(int[] sizes, List<byte[]> pngs) {
        int headerBytes = 6 + 16 * pngs.size();
        int total = headerBytes + pngs.stream().mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
        int offset = headerBytes;
        for (int i = 0; i < pngs.size(); i++) {
            out.put((byte) sizes[i]).put((byte) sizes[i]).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        pngs.forEach(out::put);
        return out.array();
    }
}
