package dev.aftersales.host.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm project in {@code tools/graphql-checks} (graphql-http's audit, graphql-codegen), installed with
 * {@code npm ci} from its lock file the first time a test needs it.
 */
final class NodeChecks {

    private NodeChecks() {
    }

    /** The repository root: the first directory above the working directory that holds the npm project. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("tools/graphql-checks/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No tools/graphql-checks above " + Path.of("").toAbsolutePath());
    }

    static Path project() {
        return repositoryRoot().resolve("tools/graphql-checks");
    }

    /** Runs {@code node <script> <arguments>} in the npm project; installs it first when needed. */
    static Run node(String script, String... arguments) {
        installed();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return run(command, 180);
    }

    private static synchronized void installed() {
        if (Files.isDirectory(project().resolve("node_modules"))) {
            return;
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        if (install.exitCode() != 0) {
            throw new AssertionError("npm ci failed in " + project() + ":\n" + install.output());
        }
    }

    private static Run run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(project().toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command + " (are node and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a command printed and how it ended. */
    record Run(int exitCode, String output) {
    }
}
