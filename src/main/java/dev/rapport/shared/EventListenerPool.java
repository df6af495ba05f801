package dev.rapport.shared;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.Executor;

/**
 * Runs the modules' asynchronous event listeners ({@code @ApplicationModuleListener}) a few at a time, the rest
 * waiting in a queue, instead of one new thread per event. Each listener holds a database connection while it runs:
 * unbounded, a burst of events (thousands of chats starting, a bulk action) put hundreds of listeners in the
 * connection pool's queue ahead of agents' and visitors' requests, and every request then waited seconds for a
 * connection. Queued events are safe as before: the event publication registry has them and hands them out again
 * after a restart. Only {@code @Async} work uses this pool; Spring Boot's task executor stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerPool implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerPool(EventSettings settings) {
        executor.setCorePoolSize(Math.max(1, settings.listenerThreads()));
        executor.setMaxPoolSize(Math.max(1, settings.listenerThreads()));
        executor.setThreadNamePrefix("event-");
        executor.setDaemon(true);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
