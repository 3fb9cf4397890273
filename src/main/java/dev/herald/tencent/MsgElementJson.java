package dev.herald.tencent;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The {@code {"MsgType":..., "MsgContent":{...}}} envelope. Attached to {@code MsgBody}
 * lists only (as content (de)serialisers), so the element records themselves keep the
 * plain bean (de)serialisers that write their content.
 */
final class MsgElementJson {

	static final String MSG_TYPE = "MsgType";

	static final String MSG_CONTENT = "MsgContent";

	private MsgElementJson() {
	}

	static final class Writer extends ValueSerializer<MsgElement> {

		@Override
		public void serialize(MsgElement value, JsonGenerator gen, SerializationContext ctxt) {
			gen.writeStartObject();
			gen.writeStringProperty(MSG_TYPE, value.msgType());
			gen.writeName(MSG_CONTENT);
			if (value instanceof MsgElement.UnknownElem unknown) {
				ctxt.writeValue(gen, unknown.content());
			}
			else {
				ctxt.writeValue(gen, value);
			}
			gen.writeEndObject();
		}

	}

	static final class Reader extends ValueDeserializer<MsgElement> {

		@Override
		public MsgElement deserialize(JsonParser p, DeserializationContext ctxt) {
			JsonNode node = ctxt.readTree(p);
			JsonNode typeNode = node.get(MSG_TYPE);
			String type = (typeNode != null && typeNode.isString()) ? typeNode.stringValue() : "";
			JsonNode content = node.get(MSG_CONTENT);
			Class<? extends MsgElement> elementClass = MsgElement.typeFor(type);
			if (elementClass == null || content == null || !content.isObject()) {
				return new MsgElement.UnknownElem(type, content);
			}
			return ctxt.readTreeAsValue(content, elementClass);
		}

	}

}
