package org.liudong.platform.identity;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keeps ID numbers unreadable at rest: AES-256-GCM with a fresh 96-bit nonce per value, and an HMAC-SHA256
 * blind index so an exact number can still be found. The index doubles as {@code idIndex}, the only pseudonym
 * events carry; services that must recognise the same person share the index key, never the encryption key's
 * plaintext.
 */
public final class IdNumberCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    // Looking up a Cipher or Mac costs more than using it (a quarter of a bulk import's validating thread), and
    // neither may be shared between threads: one of each per thread. A Cipher is initialised again for every value
    // (GCM needs a fresh nonce each time); a Mac is ready for the next value once doFinal returns.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(IdNumberCipher::newCipher);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public IdNumberCipher(String base64EncryptionKey, String base64IndexKey) {
        this.encryptionKey = new SecretKeySpec(decodeKey(base64EncryptionKey, "encryption"), "AES");
        this.indexKey = new SecretKeySpec(decodeKey(base64IndexKey, "index"), "HmacSHA256");
    }

    public byte[] encrypt(String idNumber) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(idNumber.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: wrong key or tampered value", e);
        }
    }

    /** The blind index: lower-case hex of HMAC-SHA256(index key, ID number). */
    public String index(String idNumber) {
        return HexFormat.of().formatHex(macs.get().doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the index", e);
        }
    }

    private static byte[] decodeKey(String base64, String which) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the ID-number " + which + " key is not configured");
        }
        byte[] key = Base64.getDecoder().decode(base64.strip());
        if (key.length != 32) {
            throw new IllegalArgumentException("the ID-number " + which + " key must be 32 bytes (base64), got "
                    + key.length);
        }
        return key;
    }
}
