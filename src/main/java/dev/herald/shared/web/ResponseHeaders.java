package dev.herald.shared.web;

/**
 * Security headers of every response, written by Spring Security's filter chain and by
 * whatever answers without it.
 */
public final class ResponseHeaders {

	/** Scripts, styles, images and connections only from Herald itself; no frames. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/**
	 * Browser features Herald never uses, switched off for its pages and anything they
	 * might embed. Only names Chromium knows: an unknown one is logged as a console error
	 * on every page.
	 */
	public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "encrypted-media=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), "
			+ "microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
			+ "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

	private ResponseHeaders() {
	}

}
