package org.liudong.migration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.PersonData;
import org.liudong.platform.identity.IdNumberCipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Seals a move's basic person data (AES-GCM) so the database never holds a name or ID number in clear. */
@ApplicationScoped
public class PersonDataVault {

    private final IdNumberCipher cipher;
    private final ObjectMapper json;

    public PersonDataVault(IdNumberCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public byte[] seal(PersonData data) {
        try {
            return cipher.encrypt(json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("person data cannot be written", e);
        }
    }

    public PersonData open(byte[] sealed) {
        try {
            return json.readValue(cipher.decrypt(sealed).getBytes(StandardCharsets.UTF_8), PersonData.class);
        } catch (IOException e) {
            throw new IllegalStateException("person data cannot be read", e);
        }
    }

    public String index(String idNumber) {
        return cipher.index(idNumber);
    }
}
