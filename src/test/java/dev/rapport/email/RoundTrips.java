package dev.rapport.email;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the application sends to the database (each statement executed, each commit and rollback) by wrapping
 * the data source, so a benchmark can say how many round trips a message costs and which statements they are,
 * on H2 and PostgreSQL alike. Counting is off until {@link #start()}.
 */
class RoundTrips implements BeanPostProcessor {

    private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder savepoints = new LongAdder();
    private volatile boolean counting;

    void start() {
        statements.clear();
        commits.reset();
        rollbacks.reset();
        savepoints.reset();
        counting = true;
    }

    void stop() {
        counting = false;
    }

    long statements() {
        return statements.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long commits() {
        return commits.sum();
    }

    long rollbacks() {
        return rollbacks.sum();
    }

    /** Savepoints set, released and rolled back to (each a statement of its own on PostgreSQL). */
    long savepoints() {
        return savepoints.sum();
    }

    /** The statements sent most often, with how many times, most first. */
    List<Map.Entry<String, Long>> top(int limit) {
        return statements.entrySet().stream()
                .map(e -> Map.entry(e.getKey().replaceAll("\\s+", " ").strip(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit).toList();
    }

    /** Whether the data source is wrapped at all: the wrapping costs CPU of its own, so it is asked for. */
    static boolean wanted() {
        return Boolean.getBoolean("email.benchmark.round-trips");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (wanted() && bean instanceof DataSource dataSource) {
            return wrap(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return wrap(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (counting && method.getName().equals("commit")) {
                commits.increment();
            } else if (counting && method.getName().equals("rollback") && (args == null || args.length == 0)) {
                rollbacks.increment();
            } else if (counting && (method.getName().equals("setSavepoint")
                    || method.getName().equals("releaseSavepoint") || method.getName().equals("rollback"))) {
                savepoints.increment();
            }
            if (result instanceof CallableStatement call) {
                return statement(CallableStatement.class, call, (String) args[0]);
            }
            if (result instanceof PreparedStatement prepared) {
                return statement(PreparedStatement.class, prepared, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, null);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
        return wrap(type, statement, (target, method, args) -> {
            if (counting && method.getName().startsWith("execute")) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "?";
                statements.computeIfAbsent(sql, key -> new LongAdder()).increment();
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
