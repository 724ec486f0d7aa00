package org.liudong.platform.identity;

/** Sex as recorded in the register and encoded in digit 17 of the ID number (odd = male). */
public enum Sex {
    M, F
}
