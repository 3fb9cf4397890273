package dev.herald.shared;

/**
 * Whether Herald runs as a self-contained demo: demo users, the built-in simulator and
 * sample data. On with the embedded database unless {@code HERALD_DEMO} says otherwise,
 * off against an external database unless {@code HERALD_DEMO=true}.
 *
 * @param enabled whether demo mode is on
 */
public record DemoMode(boolean enabled) {
}
