package dev.herald.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import dev.herald.tencent.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSourceResolvable;

/**
 * The message a composer form describes, with the problems found while reading it and the
 * composer field behind every API path, so that validator errors land next to the field
 * they concern.
 *
 * @param message the message (Official_Account and Random not set)
 * @param inputErrors typed values that are not the number their field takes
 * @param fieldsByPath composer field for an API path such as
 * {@code MsgBody[2].MsgContent.Text}
 */
record Composition(OfficialAccountMessage message, List<InputError> inputErrors, Map<String, String> fieldsByPath) {

	/** A typed value that is not a number in a field's range. */
	static final String NOT_IN_RANGE = "Range";

	static final String NOT_DECIMAL_IN_RANGE = "drafts.field.decimalRange";

	static final String NOT_AT_LEAST = "drafts.field.atLeast";

	static final String NOT_A_CHOICE = "drafts.field.choice";

	/**
	 * A typed value the composer could not use: the field's expected values, in words.
	 *
	 * @param path the API path the value was for
	 * @param field the composer field
	 * @param code the message key
	 * @param arguments its arguments
	 */
	record InputError(String path, String field, String code, Object... arguments) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return new String[] { this.code };
		}

		@Override
		public Object[] getArguments() {
			return this.arguments.clone();
		}

		@Override
		public String getDefaultMessage() {
			return this.code;
		}

	}

	/**
	 * The validator's errors less those about a field whose typed value could not be
	 * used: that field says once what is wrong with it ("Enter a whole number ...", not
	 * also "Index is required.").
	 */
	List<Violation> remaining(List<Violation> violations) {
		Set<String> unread = new HashSet<>();
		this.inputErrors.forEach((error) -> unread.add(error.field()));
		return violations.stream().filter((violation) -> !unread.contains(fieldFor(violation))).toList();
	}

	/**
	 * The composer field for a violation: the field for its exact path, else the nearest
	 * enclosing one, else {@code null} (the message as a whole).
	 */
	@Nullable String fieldFor(Violation violation) {
		String path = violation.path();
		while (!path.isEmpty()) {
			String field = this.fieldsByPath.get(path);
			if (field != null) {
				return field;
			}
			int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
			path = (cut > 0) ? path.substring(0, cut) : "";
		}
		return null;
	}

	static Composition of(DraftForm form) {
		return new Reader().read(form);
	}

	/** The form that shows a stored message, for editing. */
	static DraftForm toForm(String contentJson) {
		JsonNode root = DraftContent.tree(contentJson);
		DraftForm form = new DraftForm();
		for (JsonNode element : root.path("MsgBody")) {
			ElementType type = ElementType.ofWire(element.path("MsgType").asString(""));
			if (type == null) {
				continue;
			}
			DraftForm.ElementForm elementForm = new DraftForm.ElementForm(type.wireType());
			JsonNode content = element.path("MsgContent");
			for (ElementType.FieldSpec spec : type.fields()) {
				JsonNode value = content.get(spec.key());
				if (value != null && !value.isNull()) {
					elementForm.getFields().put(spec.key(), value.asString());
				}
			}
			if (type == ElementType.IMAGE) {
				for (JsonNode info : content.path("ImageInfoArray")) {
					int rendition = info.path("Type").asInt(0);
					if (rendition >= 1 && rendition <= ElementType.RENDITIONS) {
						for (String name : List.of("URL", "Size", "Width", "Height")) {
							JsonNode value = info.get(name);
							if (value != null && !value.isNull()) {
								elementForm.getFields().put("Info" + rendition + name, value.asString());
							}
						}
					}
				}
			}
			form.getElements().add(elementForm);
		}
		form.setCloudCustomData(text(root, "CloudCustomData"));
		JsonNode push = root.path("OfflinePushInfo");
		form.setPushDisabled(push.path("PushFlag").asInt(0) == 1);
		form.setPushTitle(text(push, "Title"));
		form.setPushDesc(text(push, "Desc"));
		form.setPushExt(text(push, "Ext"));
		form.setAndroidSound(text(push.path("AndroidInfo"), "Sound"));
		JsonNode apns = push.path("ApnsInfo");
		form.setApnsSound(text(apns, "Sound"));
		form.setApnsNoBadge(apns.path("BadgeMode").asInt(0) == 1);
		form.setApnsTitle(text(apns, "Title"));
		form.setApnsSubTitle(text(apns, "SubTitle"));
		form.setApnsImage(text(apns, "Image"));
		form.setOnlineOnly(root.path("OnlineOnlyFlag").asInt(0) == 1);
		form.setNoLastMsg(contains(root.path("SendMsgControl"), OfficialAccountMessage.NO_LAST_MSG));
		form.setForbidBeforeCallback(
				contains(root.path("ForbidCallbackControl"), OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK));
		form.setForbidAfterCallback(
				contains(root.path("ForbidCallbackControl"), OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK));
		return form;
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (value.equals(item.asString())) {
				return true;
			}
		}
		return false;
	}

	private static final class Reader {

		private final JsonNodeFactory nodes = JsonNodeFactory.instance;

		private final List<InputError> errors = new ArrayList<>();

		private final Map<String, String> fields = new LinkedHashMap<>();

		Composition read(DraftForm form) {
			ObjectNode root = this.nodes.objectNode();
			ArrayNode body = root.putArray("MsgBody");
			this.fields.put("MsgBody", "elements");
			List<DraftForm.ElementForm> elements = form.getElements();
			for (int i = 0; i < elements.size(); i++) {
				DraftForm.ElementForm element = elements.get(i);
				ElementType type = element.getElementType();
				if (type == null) {
					continue;
				}
				String path = "MsgBody[" + body.size() + "]";
				String field = "elements[" + i + "]";
				this.fields.put(path, field);
				ObjectNode wrapper = body.addObject();
				wrapper.put("MsgType", type.wireType());
				ObjectNode content = wrapper.putObject("MsgContent");
				readElement(type, element.getFields(), content, path + ".MsgContent", field);
			}
			put(root, "CloudCustomData", form.getCloudCustomData(), "CloudCustomData", "cloudCustomData");
			readPush(form, root);
			if (form.isOnlineOnly()) {
				root.put("OnlineOnlyFlag", 1);
			}
			this.fields.put("OnlineOnlyFlag", "onlineOnly");
			if (form.isNoLastMsg()) {
				root.putArray("SendMsgControl").add(OfficialAccountMessage.NO_LAST_MSG);
			}
			this.fields.put("SendMsgControl", "noLastMsg");
			if (form.isForbidBeforeCallback() || form.isForbidAfterCallback()) {
				ArrayNode forbid = root.putArray("ForbidCallbackControl");
				if (form.isForbidBeforeCallback()) {
					forbid.add(OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK);
				}
				if (form.isForbidAfterCallback()) {
					forbid.add(OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK);
				}
			}
			this.fields.put("ForbidCallbackControl", "forbidBeforeCallback");
			OfficialAccountMessage message;
			try {
				message = TencentJson.mapper().treeToValue(root, OfficialAccountMessage.class);
			}
			catch (JacksonException ex) {
				// Every value above is typed already; this only guards against surprises.
				message = new OfficialAccountMessage(null, 0, List.of(), null, null, null, null, null);
				this.errors.add(new InputError("", "", "drafts.composer.unreadable"));
			}
			return new Composition(message, List.copyOf(this.errors), Map.copyOf(this.fields));
		}

		private void readElement(ElementType type, Map<String, @Nullable String> values, ObjectNode content,
				String path, String field) {
			if (type == ElementType.IMAGE) {
				readImage(values, content, path, field);
				return;
			}
			for (ElementType.FieldSpec spec : type.fields()) {
				String name = field + ".fields[" + spec.key() + "]";
				this.fields.put(path + "." + spec.key(), name);
				putTyped(content, spec, spec.key(), values.get(spec.key()), path + "." + spec.key(), name);
			}
			for (String flag : ElementType.FIXED_DOWNLOAD_FLAGS.getOrDefault(type.wireType(), List.of())) {
				content.put(flag, 2);
			}
		}

		private void readImage(Map<String, @Nullable String> values, ObjectNode content, String path, String field) {
			List<ElementType.FieldSpec> specs = ElementType.IMAGE.fields();
			for (ElementType.FieldSpec spec : specs.subList(0, 2)) {
				String name = field + ".fields[" + spec.key() + "]";
				this.fields.put(path + "." + spec.key(), name);
				putTyped(content, spec, spec.key(), values.get(spec.key()), path + "." + spec.key(), name);
			}
			ArrayNode infos = content.putArray("ImageInfoArray");
			this.fields.put(path + ".ImageInfoArray", field + ".fields[Info1URL]");
			for (int rendition = 1; rendition <= ElementType.RENDITIONS; rendition++) {
				String prefix = "Info" + rendition;
				boolean used = false;
				for (String name : List.of("URL", "Size", "Width", "Height")) {
					used |= values.get(prefix + name) != null;
				}
				if (!used) {
					continue;
				}
				String infoPath = path + ".ImageInfoArray[" + infos.size() + "]";
				ObjectNode info = infos.addObject();
				info.put("Type", rendition);
				this.fields.put(infoPath, field + ".fields[" + prefix + "URL]");
				for (ElementType.FieldSpec spec : specs) {
					if (spec.key().startsWith(prefix)) {
						String wire = spec.key().substring(prefix.length());
						String name = field + ".fields[" + spec.key() + "]";
						this.fields.put(infoPath + "." + wire, name);
						putTyped(info, spec, wire, values.get(spec.key()), infoPath + "." + wire, name);
					}
				}
			}
		}

		private void readPush(DraftForm form, ObjectNode root) {
			ObjectNode push = this.nodes.objectNode();
			if (form.isPushDisabled()) {
				push.put("PushFlag", 1);
			}
			this.fields.put("OfflinePushInfo.PushFlag", "pushDisabled");
			put(push, "Title", form.getPushTitle(), "OfflinePushInfo.Title", "pushTitle");
			put(push, "Desc", form.getPushDesc(), "OfflinePushInfo.Desc", "pushDesc");
			put(push, "Ext", form.getPushExt(), "OfflinePushInfo.Ext", "pushExt");
			this.fields.put("OfflinePushInfo", "pushDesc");
			if (form.getAndroidSound() != null) {
				ObjectNode android = push.putObject("AndroidInfo");
				put(android, "Sound", form.getAndroidSound(), "OfflinePushInfo.AndroidInfo.Sound", "androidSound");
			}
			ObjectNode apns = this.nodes.objectNode();
			put(apns, "Sound", form.getApnsSound(), "OfflinePushInfo.ApnsInfo.Sound", "apnsSound");
			if (form.isApnsNoBadge()) {
				apns.put("BadgeMode", 1);
			}
			this.fields.put("OfflinePushInfo.ApnsInfo.BadgeMode", "apnsNoBadge");
			put(apns, "Title", form.getApnsTitle(), "OfflinePushInfo.ApnsInfo.Title", "apnsTitle");
			put(apns, "SubTitle", form.getApnsSubTitle(), "OfflinePushInfo.ApnsInfo.SubTitle", "apnsSubTitle");
			put(apns, "Image", form.getApnsImage(), "OfflinePushInfo.ApnsInfo.Image", "apnsImage");
			if (!apns.isEmpty()) {
				push.set("ApnsInfo", apns);
			}
			if (!push.isEmpty()) {
				root.set("OfflinePushInfo", push);
			}
		}

		private void put(ObjectNode node, String name, @Nullable String value, String path, String field) {
			if (!path.isEmpty()) {
				this.fields.put(path, field);
			}
			// No length rule here: the 12 KB rule is about the bytes of the whole
			// message, which the validator measures with every typed character in it.
			if (value != null) {
				node.put(name, value);
			}
		}

		private void putTyped(ObjectNode node, ElementType.FieldSpec spec, String name, @Nullable String value,
				String path, String field) {
			if (value == null || value.isEmpty()) {
				return;
			}
			if (!spec.isNumber()) {
				put(node, name, value, "", field);
				return;
			}
			try {
				switch (spec.kind()) {
					case INTEGER -> node.put(name, Integer.parseInt(value.trim()));
					case LONG -> node.put(name, Long.parseLong(value.trim()));
					default -> {
						BigDecimal decimal = new BigDecimal(value.trim());
						node.put(name, decimal.doubleValue());
					}
				}
			}
			catch (NumberFormatException ex) {
				this.errors.add(expected(spec, path, field));
			}
		}

		/** What a number field takes, for a typed value that is not such a number. */
		private static InputError expected(ElementType.FieldSpec spec, String path, String field) {
			if (!spec.choices().isEmpty()) {
				return new InputError(path, field, NOT_A_CHOICE,
						String.join(", ", spec.choices().stream().map(String::valueOf).toList()));
			}
			return switch (spec.kind()) {
				case DECIMAL -> new InputError(path, field, NOT_DECIMAL_IN_RANGE, spec.min(), spec.max());
				case LONG -> new InputError(path, field, NOT_AT_LEAST, spec.min());
				// The arguments of a @Range violation: the field, max, min.
				default -> new InputError(path, field, NOT_IN_RANGE, spec.key(), spec.max(), spec.min());
			};
		}

	}

}
