package org.alliance.app.system.svg;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code al:svg="${chart}"}: puts a server-drawn {@link Svg} into the element, unescaped because the writer
 * escaped everything in it already. Any other value (a plain string, say) is an error rather than markup, so this
 * is the only way markup gets into a page; templates use no {@code th:utext} (checked by {@code TemplatesTest}).
 */
@Component
public final class SvgDialect extends AbstractProcessorDialect {

    public SvgDialect() {
        super("Alliance", "al", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new SvgProcessor(dialectPrefix));
    }

    private static final class SvgProcessor extends AbstractAttributeTagProcessor {

        SvgProcessor(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "svg", true, 1000, true);
        }

        @Override
        protected void doProcess(
                ITemplateContext context,
                IProcessableElementTag tag,
                AttributeName attributeName,
                String attributeValue,
                IElementTagStructureHandler structureHandler) {
            Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, attributeValue)
                    .execute(context);
            if (value == null) {
                structureHandler.setBody("", false);
                return;
            }
            if (!(value instanceof Svg svg)) {
                throw new TemplateProcessingException("al:svg takes a picture drawn by SvgWriter, not a "
                        + value.getClass().getSimpleName() + " (" + attributeValue + ")");
            }
            structureHandler.setBody(svg.markup(), false);
        }
    }
}
