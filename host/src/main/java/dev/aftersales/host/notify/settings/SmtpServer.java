package dev.aftersales.host.notify.settings;

/** Where and how to hand mail over: a shop's own SMTP server or the host's default ({@code spring.mail.*}). */
public record SmtpServer(String host, int port, String username, String password, boolean startTls) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", user=" + username + "]"; // never the password
    }
}
