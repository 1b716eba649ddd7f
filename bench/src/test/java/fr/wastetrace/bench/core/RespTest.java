package fr.wastetrace.bench.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RespTest {
    @Test
    void encodesACommandAsAnArrayOfBulkStrings() {
        assertEquals("*3\r\n$7\r\nEVALSHA\r\n$3\r\nabc\r\n$2\r\né\r\n",
                new String(Resp.encode("EVALSHA", "abc", "é"), StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryReplyType() throws IOException {
        assertEquals("OK", read("+OK\r\n"));
        assertEquals(42L, read(":42\r\n"));
        assertEquals("héllo", read("$6\r\nhéllo\r\n"));
        assertNull(read("$-1\r\n"));
        assertEquals(List.of(1L, List.of("a"), 1795755534000L), read("*3\r\n:1\r\n*1\r\n$1\r\na\r\n:1795755534000\r\n"));
    }

    @Test
    void anErrorReplyIsAnException() {
        IOException error = assertThrows(IOException.class, () -> read("-NOSCRIPT No matching script\r\n"));
        assertEquals("Redis error: NOSCRIPT No matching script", error.getMessage());
    }

    private static Object read(String reply) throws IOException {
        return Resp.read(new ByteArrayInputStream(reply.getBytes(StandardCharsets.UTF_8)));
    }
}
