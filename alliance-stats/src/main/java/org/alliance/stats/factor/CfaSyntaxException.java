package org.alliance.stats.factor;

/** The model text is not valid lavaan-style CFA syntax; the message names line and column (1-based). */
public final class CfaSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    CfaSyntaxException(String problem, int line, int column) {
        super("model syntax error at line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
