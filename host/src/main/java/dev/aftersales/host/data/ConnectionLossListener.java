package dev.aftersales.host.data;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.springframework.stereotype.Component;

/** Tells the {@link DatabaseCircuit} about statements (of the host and every plugin) that lost their connection. */
@Component
class ConnectionLossListener implements ExecuteListenerProvider, ExecuteListener {

    private final DatabaseCircuit circuit;

    ConnectionLossListener(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public ExecuteListener provide() {
        return this;
    }

    @Override
    public void exception(ExecuteContext context) {
        circuit.statementFailed(context.sqlException() != null ? context.sqlException() : context.exception());
    }
}
