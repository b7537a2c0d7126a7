package br.com.terceirizacs.comum;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * No thread waits on the main pool while holding one of its connections. A job's engine transaction holds a
 * connection for the whole job; inside it the send commits its claim and Meta's answer in transactions of their own
 * ({@code REQUIRES_NEW}) and the sending limit takes its slot over JDBC (Bucket4j), each needing a second connection.
 * Threads that hold one connection and wait for another can take the whole pool between them and then wait on each
 * other until the connection timeout (docs/benchmarks.md, "PostgreSQL restarted during a send backlog").
 * <p>
 * So the main {@link DataSource} bean is wrapped: a thread's first connection comes from the main pool, any further
 * connection while it still holds that one comes from a second, small pool ({@code terceiriza.banco.segunda-conexao}).
 * Threads never wait on the second pool for the first, and nothing that holds a second connection asks for a third,
 * so neither pool can be deadlocked by its own users. The engine, JPA, Flyway and the limiter see one DataSource as
 * before; which pool a connection comes from depends only on what the thread already holds.
 */
@Component
class SegundaConexao implements BeanPostProcessor, EnvironmentAware, DisposableBean {

    private Environment ambiente;
    private HikariDataSource segunda;

    @Override
    public void setEnvironment(Environment ambiente) {
        this.ambiente = ambiente;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String nome) {
        if (!"dataSource".equals(nome) || !(bean instanceof HikariDataSource principal) || segunda != null) {
            return bean;
        }
        Binder binder = Binder.get(ambiente);
        int tamanho = binder.bind("terceiriza.banco.segunda-conexao.tamanho", Integer.class).orElse(8);
        Duration espera = binder.bind("terceiriza.banco.segunda-conexao.espera", Duration.class)
                .orElse(Duration.ofMillis(principal.getConnectionTimeout()));
        HikariConfig config = mesmoBanco(principal, "segunda-conexao");
        config.setMaximumPoolSize(tamanho);
        config.setMinimumIdle(Math.min(2, tamanho));
        config.setConnectionTimeout(espera.toMillis());
        config.setValidationTimeout(Math.min(principal.getValidationTimeout(), Math.max(250, espera.toMillis() / 2)));
        config.setInitializationFailTimeout(-1);
        segunda = new HikariDataSource(config);
        return new UmaPorThread(principal, segunda);
    }

    /** A pool of its own on the main pool's database: same URL, user, password, driver and driver properties. */
    static HikariConfig mesmoBanco(HikariDataSource principal, String nome) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(nome);
        config.setJdbcUrl(principal.getJdbcUrl());
        config.setUsername(principal.getUsername());
        config.setPassword(principal.getPassword());
        if (principal.getDriverClassName() != null) {
            config.setDriverClassName(principal.getDriverClassName());
        }
        config.setDataSourceProperties(principal.getDataSourceProperties());
        return config;
    }

    @Override
    public void destroy() {
        if (segunda != null) {
            segunda.close();
        }
    }

    /** The main pool for a thread's first connection, the second pool while the thread holds that one. */
    static final class UmaPorThread extends DelegatingDataSource {

        private final DataSource segunda;
        /** Main-pool connections each thread holds now (0 or 1). */
        private final ThreadLocal<AtomicInteger> abertas = ThreadLocal.withInitial(AtomicInteger::new);

        UmaPorThread(DataSource principal, DataSource segunda) {
            super(principal);
            this.segunda = segunda;
        }

        @Override
        public Connection getConnection() throws SQLException {
            AtomicInteger n = abertas.get();
            if (n.get() > 0) {
                return segunda.getConnection();
            }
            Connection c = obtainTargetDataSource().getConnection();
            n.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(UmaPorThread.class.getClassLoader(),
                    new Class<?>[]{ConnectionProxy.class}, new Contada(c, n));
        }

        DataSource segunda() {
            return segunda;
        }
    }

    /** A main-pool connection that, on close, no longer counts for the thread that took it. */
    private static final class Contada implements InvocationHandler {

        private final Connection alvo;
        private final AtomicInteger abertas;
        private final AtomicBoolean fechada = new AtomicBoolean();

        Contada(Connection alvo, AtomicInteger abertas) {
            this.alvo = alvo;
            this.abertas = abertas;
        }

        @Override
        public Object invoke(Object proxy, Method metodo, Object[] args) throws Throwable {
            switch (metodo.getName()) {
                case "getTargetConnection":
                    return alvo;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "principal: " + alvo;
                case "close":
                    if (fechada.compareAndSet(false, true)) {
                        abertas.decrementAndGet();
                    }
                    break;
                case "isClosed":
                    if (fechada.get()) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
            try {
                return metodo.invoke(alvo, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }
    }
}
