package com.triagedesk.secrets;

/**
 * The kinds of secret that are cut before anything is stored, logged or echoed.
 */
public enum SecretKind {

	CLIENT_SECRET, SUBSCRIPTION_KEY, BEARER_TOKEN, BASIC_CREDENTIALS, WEBHOOK_SECRET, PASSWORD, PRIVATE_KEY

}
