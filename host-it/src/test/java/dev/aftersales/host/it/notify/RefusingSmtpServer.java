package dev.aftersales.host.it.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SMTP server on 127.0.0.1 that accepts the session but refuses every recipient with a permanent 550. */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
                out.print("220 refusing.test ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    String reply = switch (command) {
                        case "EHLO", "HELO" -> "250 refusing.test";
                        case "MAIL" -> "250 2.1.0 Ok";
                        case "RCPT" -> "550 5.1.1 Mailbox unavailable";
                        case "QUIT" -> "221 2.0.0 Bye";
                        default -> "250 Ok";
                    };
                    out.print(reply + "\r\n");
                    out.flush();
                    if ("QUIT".equals(command)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the client went away or the server closed: serve the next one or stop
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
