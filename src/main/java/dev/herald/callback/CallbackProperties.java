package dev.herald.callback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the callback endpoint.
 *
 * @param maxClockSkew how far a callback's {@code RequestTime} may be from Herald's clock
 * (Tencent recommends one minute); signed callbacks are remembered this long either side
 * to refuse replays
 * @param maxBody the largest body read; an after-send callback carries a message of at
 * most 12 KB
 */
@ConfigurationProperties("herald.callbacks")
record CallbackProperties(@DefaultValue("60s") Duration maxClockSkew, @DefaultValue("64KB") DataSize maxBody) {
}
