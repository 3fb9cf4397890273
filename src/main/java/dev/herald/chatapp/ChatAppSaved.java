package dev.herald.chatapp;

/**
 * A Chat app was created or changed.
 *
 * @param chatAppId the app
 */
public record ChatAppSaved(long chatAppId) {
}
