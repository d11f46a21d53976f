package com.triagedesk.secrets;

/**
 * One secret that was cut.
 *
 * @param location where it was found, e.g. {@code httpExchange.request}
 * @param kind what it was
 * @param kept what is left of it: {@code …} and its last four characters (nothing of a short one)
 */
public record Redaction(String location, SecretKind kind, String kept) {
}
