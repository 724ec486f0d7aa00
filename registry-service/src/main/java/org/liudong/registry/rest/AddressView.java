package org.liudong.registry.rest;

public record AddressView(String township, String detail) {
}
