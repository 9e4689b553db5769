package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.testkit.AftersalesHost;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;

/** aftersales.statement-timeout is enforced by the database server on every pooled connection. */
class StatementTimeoutTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting())
            .withProperty("aftersales.statement-timeout", "500ms");

    @Test
    void theServerStopsAStatementThatRunsLongerThanTheTimeout() {
        DSLContext db = host.bean(DSLContext.class);

        assertThat(db.fetchValue("SELECT SLEEP(0.1)")).hasToString("0");
        assertThatThrownBy(() -> db.fetchValue("SELECT SLEEP(5)"))
                .isInstanceOfAny(DataAccessException.class, org.jooq.exception.DataAccessException.class)
                .hasMessageMatching("(?s).*(max_statement_time|maximum statement execution time).*");
    }
}
