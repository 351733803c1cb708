package org.alliance.app.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 pages of text for the PDFs people keep (a client's data, a study report): lines, wrapped paragraphs, headings and
 * tables, continued on a new page when a page is full. Drawn in Liberation Sans (SIL Open Font Licence, shipped inside
 * PDFBox), embedded as a subset: Latin, Greek (α, ω of a reliability table) and the minus sign; bold is the same face
 * stroked. Should the font be missing from a later PDFBox, the standard Helvetica is used (Latin-1 only). A character
 * the font cannot draw is written as "?". One document per instance, used once: write, then {@link #finish()}.
 */
public final class PdfPages {

    /** The two faces used. */
    public enum Face {
        REGULAR,
        BOLD
    }

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** A table's cells are drawn at this size, smaller (down to {@link #SMALLEST}) when the columns do not fit. */
    private static final float TABLE_SIZE = 9;

    private static final float SMALLEST = 6;
    private static final float CELL_GAP = 8;

    /** Liberation Sans as PDFBox ships it for its own font fallback. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    /** Bold is drawn by stroking the regular face (there is no bold Liberation Sans in PDFBox). */
    private final boolean strokedBold;

    private PDPageContentStream page;
    private float y;

    /** A document with its title and producer (the software and version) in its properties, on its first page. */
    public PdfPages(String title, String producer) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(producer);
        PDFont embedded = null;
        try (var in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in != null) {
                embedded = PDType0Font.load(document, in, true);
            }
        } catch (IOException e) {
            embedded = null; // Helvetica below
        }
        strokedBold = embedded != null;
        regular = embedded != null ? embedded : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        bold = embedded != null ? embedded : new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        io(this::newPage);
    }

    private interface Drawing {
        void draw() throws IOException;
    }

    private static void io(Drawing drawing) {
        try {
            drawing.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDFont font(Face face) {
        return face == Face.BOLD ? bold : regular;
    }

    /** Vertical space in points. */
    public PdfPages space(float points) {
        y -= points;
        return this;
    }

    /** A section heading: bold 13 pt with space above. */
    public PdfPages heading(String text) {
        space(10);
        paragraph(Face.BOLD, 13, text);
        return space(2);
    }

    /** Text wrapped to the page width. */
    public PdfPages paragraph(Face face, float size, String text) {
        PDFont font = font(face);
        for (String wrapped : wrap(font, size, printable(font, text), WIDTH)) {
            line(face, size, wrapped);
        }
        return this;
    }

    /** One line of text, not wrapped. */
    public PdfPages line(Face face, float size, String text) {
        PDFont font = font(face);
        io(() -> {
            room(size * 1.35f);
            draw(face, size, MARGIN, printable(font, text));
        });
        return this;
    }

    /**
     * A table: a bold header row, the first column left-aligned and the others right-aligned, the header repeated on
     * each new page. When the columns do not fit the page at {@value #SMALLEST} pt, each row is written as
     * "header: value" lines instead, so no figure is ever cut.
     */
    public PdfPages table(List<String> header, List<List<String>> rows) {
        int columns = header.size();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        float[] natural = new float[columns];
        for (List<String> row : all) {
            for (int c = 0; c < columns && c < row.size(); c++) {
                natural[c] = Math.max(natural[c], width(bold, 1, printable(bold, row.get(c))));
            }
        }
        float total = 0;
        for (float n : natural) {
            total += n;
        }
        float size = Math.min(TABLE_SIZE, (WIDTH - CELL_GAP * (columns - 1)) / Math.max(total, 1e-3f));
        if (size < SMALLEST) {
            for (List<String> row : rows) {
                space(3);
                for (int c = 0; c < columns && c < row.size(); c++) {
                    paragraph(Face.REGULAR, TABLE_SIZE, header.get(c) + ": " + row.get(c));
                }
            }
            return this;
        }
        float cellSize = size;
        io(() -> {
            row(header, natural, cellSize, true);
            for (List<String> row : rows) {
                if (y - cellSize * 1.35f < MARGIN) {
                    page.close();
                    newPage();
                    row(header, natural, cellSize, true);
                }
                row(row, natural, cellSize, false);
            }
        });
        return space(4);
    }

    private void row(List<String> cells, float[] natural, float size, boolean header) throws IOException {
        Face face = header ? Face.BOLD : Face.REGULAR;
        PDFont font = font(face);
        room(size * 1.35f);
        float x = MARGIN;
        for (int c = 0; c < natural.length; c++) {
            float column = natural[c] * size;
            String text = c < cells.size() ? printable(font, cells.get(c)) : "";
            float offset = c == 0 ? 0 : column - width(font, size, text);
            draw(face, size, x + offset, text);
            x += column + CELL_GAP;
        }
        if (header) {
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, y - 2);
            page.lineTo(x - CELL_GAP, y - 2);
            page.stroke();
            y -= 2;
        }
    }

    /** The document's bytes; the instance is done. */
    public byte[] finish() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io(() -> {
            page.close();
            document.save(out);
            document.close();
        });
        return out.toByteArray();
    }

    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            page.close();
            newPage();
        }
        y -= height;
    }

    private void draw(Face face, float size, float x, String text) throws IOException {
        boolean stroke = face == Face.BOLD && strokedBold;
        page.beginText();
        page.setFont(font(face), size);
        if (stroke) {
            page.setRenderingMode(RenderingMode.FILL_STROKE);
            page.setLineWidth(size / 30);
        }
        page.newLineAtOffset(x, y);
        page.showText(text);
        if (stroke) {
            page.setRenderingMode(RenderingMode.FILL);
        }
        page.endText();
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(font, size, candidate) > width && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** The text with every character the font cannot draw replaced by "?". */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
