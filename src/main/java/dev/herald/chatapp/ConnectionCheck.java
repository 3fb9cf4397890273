package dev.herald.chatapp;

/**
 * The outcome of "test connection" in words: a message key and its arguments.
 *
 * @param ok whether Tencent accepted the credentials
 * @param messageKey what to tell the admin
 * @param detail the error code and its meaning, or the network reason
 */
record ConnectionCheck(boolean ok, String messageKey, String detail) {
}
