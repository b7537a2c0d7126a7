package br.com.terceirizacs.processo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's threads run at the lowest Java priority, like the inbox's: when a launch saturates the CPU,
 * the threads that acknowledge Hotmart (Tomcat's) get it first and the processing catches up behind them. Java
 * priorities become Linux nice values only with {@code -XX:ThreadPriorityPolicy=1} (set in the Dockerfile; lowering
 * a priority needs no privilege); without it they are ignored and nothing changes. Measured in docs/benchmarks.md.
 */
@Component
class PrioridadeDoProcessamento implements BeanPostProcessor {

    static final String EXECUTOR_DO_MOTOR = "camundaTaskExecutor";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String nome) {
        if (EXECUTOR_DO_MOTOR.equals(nome) && bean instanceof ThreadPoolTaskExecutor executor) {
            executor.setThreadPriority(Thread.MIN_PRIORITY);
        }
        return bean;
    }
}
