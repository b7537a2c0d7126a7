package br.com.terceirizacs.catalogo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A members' area address students can open: {@code https}, a real host name (labels of letters, digits and hyphens,
 * a top-level domain of letters) and no ellipsis, which is what a URL copied from a shortened display looks like
 * ("https://….club.hotmart.com"). Empty is allowed: the product then has no members' area link.
 */
@Documented
@Constraint(validatedBy = UrlAreaMembros.Validador.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface UrlAreaMembros {

    String message() default "deve ser uma URL https com um nome de host completo (sem reticências), "
            + "por exemplo https://seu-curso.club.hotmart.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validador implements ConstraintValidator<UrlAreaMembros, String> {

        private static final Pattern ROTULO = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
        private static final Pattern DOMINIO_TOPO = Pattern.compile("[a-z]{2,63}");

        @Override
        public boolean isValid(String valor, ConstraintValidatorContext contexto) {
            return valor == null || valor.isEmpty() || valida(valor);
        }

        /** The rule itself, also used where no validation context exists. */
        static boolean valida(String valor) {
            if (valor.contains("\u2026") || valor.contains("...") || !valor.equals(valor.strip())) {
                return false;
            }
            URI uri;
            try {
                uri = new URI(valor);
            } catch (URISyntaxException e) {
                return false;
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                return false;
            }
            String[] rotulos = uri.getHost().toLowerCase(Locale.ROOT).split("\\.", -1);
            if (rotulos.length < 2 || !DOMINIO_TOPO.matcher(rotulos[rotulos.length - 1]).matches()) {
                return false;
            }
            for (String rotulo : rotulos) {
                if (!ROTULO.matcher(rotulo).matches()) {
                    return false;
                }
            }
            return true;
        }
    }
}
