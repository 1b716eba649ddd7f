package fr.wastetrace.bench.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A minimal blocking Redis client (RESP2): one command, one round trip. The rate-limit baseline needs exactly that and
 * nothing between the measurement and the socket.
 */
public final class Resp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public Resp(URI redisUrl) throws IOException {
        socket = new Socket(redisUrl.getHost(), redisUrl.getPort());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends one command and reads its reply: a String, a Long, a List or null. */
    public Object call(String... args) throws IOException {
        out.write(encode(args));
        out.flush();
        return read(in);
    }

    /**
     * Turns this connection into a {@code MONITOR} stream: every command Redis runs, one line each, until the connection
     * is closed. Commands run by scripts are marked {@code [db lua]} instead of the client's address.
     */
    public void monitor(Consumer<String> lines) throws IOException {
        Object ok = call("MONITOR");
        if (!"OK".equals(ok)) {
            throw new IOException("MONITOR refused: " + ok);
        }
        try {
            while (true) {
                lines.accept((String) read(in));
            }
        } catch (IOException closed) {
            // the monitoring ends when the connection is closed
        }
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] value = arg.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(("$" + value.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(value);
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("Redis error: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] value = in.readNBytes(length);
                line(in);
                return new String(value, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("unexpected Redis reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
