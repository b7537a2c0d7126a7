package br.com.terceirizacs.comum;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of our HTTP API as RFC 9457 problem details, with messages in pt-BR. */
@RestControllerAdvice(basePackages = "br.com.terceirizacs")
public class TratadorDeErrosApi {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalido(MethodArgumentNotValidException e) {
        Map<String, String> erros = new LinkedHashMap<>();
        for (FieldError erro : e.getBindingResult().getFieldErrors()) {
            erros.putIfAbsent(erro.getField(), erro.getDefaultMessage());
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> erros.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return invalida("Dados inválidos", erros);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parametrosInvalidos(HandlerMethodValidationException e) {
        Map<String, String> erros = new LinkedHashMap<>();
        for (ParameterValidationResult r : e.getParameterValidationResults()) {
            String nome = r.getMethodParameter().getParameterName();
            r.getResolvableErrors().forEach(erro -> erros.putIfAbsent(nome, erro.getDefaultMessage()));
        }
        return invalida("Dados inválidos", erros);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail ilegivel(HttpMessageNotReadableException e) {
        return invalida("Corpo da requisição ausente ou com JSON inválido", null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail parametro(Exception e) {
        String nome = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return invalida("Parâmetro inválido ou ausente: " + nome, Map.of(nome, "valor ausente ou inválido"));
    }

    @ExceptionHandler(RequisicaoInvalidaException.class)
    ProblemDetail requisicaoInvalida(RequisicaoInvalidaException e) {
        return invalida("Dados inválidos", e.getErros());
    }

    /** A 400 in the shape every client of the API reads: title, detail and the pt-BR message per field. */
    private static ProblemDetail invalida(String detalhe, Map<String, String> erros) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detalhe);
        p.setTitle("Requisição inválida");
        if (erros != null) {
            p.setProperty("erros", erros);
        }
        return p;
    }

    @ExceptionHandler(NaoEncontradoException.class)
    ProblemDetail naoEncontrado(NaoEncontradoException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Não encontrado");
        return p;
    }

    @ExceptionHandler(ConflitoException.class)
    ProblemDetail conflito(ConflitoException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflito");
        return p;
    }

    /** The database is unreachable: say so with a 503, never pretend the request was handled. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ProblemDetail indisponivel(Exception e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Banco de dados indisponível no momento; tente novamente");
        p.setTitle("Serviço indisponível");
        return p;
    }
}
