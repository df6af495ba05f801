package dev.rapport.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Explains a start that failed because the database could not be reached or refused the credentials, instead of
 * leaving the person with a stack trace. The URL is shown without any password it may contain.
 */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final String ACTION = "Check that the database server is running and reachable from here, and that "
            + "RAPPORT_DATABASE_URL, RAPPORT_DATABASE_USER and RAPPORT_DATABASE_PASSWORD are right "
            + "(see docs/postgresql.md). Without RAPPORT_DATABASE_URL, Rapport uses its embedded database in ./data.";

    private final Environment environment;

    DatabaseUnreachableAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean unreachable = state.startsWith("08") || causedBy(cause, ConnectException.class)
                || causedBy(cause, UnknownHostException.class);
        boolean refused = state.equals("28P01") || state.equals("28000");
        if (!unreachable && !refused) {
            return null;
        }
        String url = redact(environment.getProperty("spring.datasource.url", "(not set)"));
        String description = refused
                ? "Rapport reached its database at " + url + " but the database refused the user name or password."
                : "Rapport cannot reach its database at " + url + ": " + cause.getMessage();
        return new FailureAnalysis(description, ACTION, cause);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }
}
