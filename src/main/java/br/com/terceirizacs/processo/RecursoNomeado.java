package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/** A classpath resource under a stable name: what Camunda's Spring auto-deployment uses as the resource name. */
class RecursoNomeado extends AbstractResource implements ContextResource {

    private final Resource original;
    private final String nome;

    RecursoNomeado(Resource original, String nome) {
        this.original = original;
        this.nome = nome;
    }

    @Override
    public String getPathWithinContext() {
        return nome;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return original.getInputStream();
    }

    @Override
    public URL getURL() throws IOException {
        return original.getURL();
    }

    @Override
    public boolean isReadable() {
        return true;
    }

    @Override
    public String getFilename() {
        return original.getFilename();
    }

    @Override
    public String getDescription() {
        return nome;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecursoNomeado n && n.nome.equals(nome);
    }

    @Override
    public int hashCode() {
        return nome.hashCode();
    }
}
