package io.nightwatch.runbook.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 512-byte POSIX (ustar) headers the packer writes before each entry, with a PAX extended header in front when a
 * name is longer than 100 bytes or not ASCII, or a number does not fit its octal field. Written here rather than by
 * commons-compress's stream, which passes every byte of every file through 512-byte records: on a 256 MiB restore
 * that was half a million small copies on the machine the engine unpacks on.
 */
final class TarHeaders {

    static final int BLOCK = 512;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private TarHeaders() {}

    /**
     * The header block(s) of one entry: a folder when {@code folder} (its name gets a trailing '/'), else a plain file
     * of {@code size} bytes. Numeric owner only: no user or group names.
     */
    static byte[] entry(String name, boolean folder, long size, long mtimeSeconds, TarPacker.Owner owner) {
        String full = folder && !name.endsWith("/") ? name + "/" : name;
        long length = folder ? 0 : size;
        long mtime = Math.max(0, mtimeSeconds);
        Map<String, String> pax = new LinkedHashMap<>();
        byte[] nameBytes = full.getBytes(StandardCharsets.UTF_8);
        boolean plainName = nameBytes.length <= 100 && full.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (!plainName) pax.put("path", full);
        if (length > MAX_OCTAL_11) pax.put("size", Long.toString(length));
        if (owner.uid() > MAX_OCTAL_7) pax.put("uid", Long.toString(owner.uid()));
        if (owner.gid() > MAX_OCTAL_7) pax.put("gid", Long.toString(owner.gid()));
        if (mtime > MAX_OCTAL_11) pax.put("mtime", Long.toString(mtime));
        ByteArrayOutputStream out = new ByteArrayOutputStream(pax.isEmpty() ? BLOCK : 4 * BLOCK);
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            out.writeBytes(block(paxName(full), 'x', records.length, FILE_MODE, 0, new TarPacker.Owner(0, 0)));
            out.writeBytes(records);
            out.writeBytes(new byte[padding(records.length)]);
        }
        String shortName = plainName ? full : paxName(full);
        out.writeBytes(block(shortName, folder ? '5' : '0', Math.min(length, MAX_OCTAL_11), folder ? DIR_MODE : FILE_MODE,
                Math.min(mtime, MAX_OCTAL_11), new TarPacker.Owner(Math.min(owner.uid(), MAX_OCTAL_7), Math.min(owner.gid(), MAX_OCTAL_7))));
        return out.toByteArray();
    }

    /** The zero bytes after {@code size} bytes of content, up to the next block. */
    static int padding(long size) {
        int rest = (int) (size % BLOCK);
        return rest == 0 ? 0 : BLOCK - rest;
    }

    /** The end of an archive: two zero blocks. */
    static byte[] end() {
        return new byte[2 * BLOCK];
    }

    /** "length key=value\n" records, the length counting the whole record including its own digits. */
    private static byte[] paxRecords(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach((key, value) -> {
            byte[] body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
            int length = body.length;
            while (Integer.toString(length).length() + body.length != length) length = Integer.toString(length).length() + body.length;
            out.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
        });
        return out.toByteArray();
    }

    /** An ASCII stand-in for the ustar name field when the real name travels in the PAX header. */
    private static String paxName(String full) {
        StringBuilder ascii = new StringBuilder();
        for (char c : full.toCharArray()) ascii.append(c >= 0x20 && c < 0x7f ? c : '_');
        String tail = ascii.length() > 80 ? ascii.substring(ascii.length() - 80) : ascii.toString();
        return "PaxHeaders/" + tail;
    }

    private static byte[] block(String name, char type, long size, int mode, long mtime, TarPacker.Owner owner) {
        byte[] b = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, b, 0, Math.min(100, n.length));
        octal(b, 100, 8, mode);
        octal(b, 108, 8, owner.uid());
        octal(b, 116, 8, owner.gid());
        octal(b, 124, 12, size);
        octal(b, 136, 12, mtime);
        for (int i = 148; i < 156; i++) b[i] = ' '; // the checksum counts its own field as spaces
        b[156] = (byte) type;
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, b, 257, 8);
        long sum = 0;
        for (byte x : b) sum += x & 0xff;
        octal(b, 148, 7, sum); // six digits and a NUL, then the space already there
        return b;
    }

    /** {@code value} in octal, zero-padded to {@code width - 1} digits and NUL-terminated. */
    private static void octal(byte[] b, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        int pad = width - 1 - digits.length();
        if (pad < 0) throw new IllegalArgumentException(value + " does not fit " + (width - 1) + " octal digits");
        for (int i = 0; i < pad; i++) b[offset + i] = '0';
        for (int i = 0; i < digits.length(); i++) b[offset + pad + i] = (byte) digits.charAt(i);
        b[offset + width - 1] = 0;
    }
}
