package dev.herald.tencent;

import java.util.List;

/** Valid building blocks for tests. */
final class MessageFixtures {

	static final String OA = "@TOA#_2C5SZEAEF";

	private MessageFixtures() {
	}

	static MsgElement.ImageElem image() {
		return new MsgElement.ImageElem("img-1", 1,
				List.of(new MsgElement.ImageInfo(1, 1024L, 640, 480, "https://cdn.example/i.jpg")));
	}

	static MsgElement.SoundElem sound() {
		return new MsgElement.SoundElem("https://cdn.example/s.m4a", "snd-1", 2048L, 3, 2);
	}

	static MsgElement.FileElem file() {
		return new MsgElement.FileElem("https://cdn.example/f.pdf", "file-1", 4096L, "f.pdf", 2);
	}

	static MsgElement.VideoFileElem video() {
		return new MsgElement.VideoFileElem("https://cdn.example/v.mp4", "vid-1", 8192L, 10, "mp4", 2,
				"https://cdn.example/t.jpg", "thumb-1", 512L, 320, 180, "JPG", 2);
	}

	static List<MsgElement> allElementTypes() {
		return List.of(new MsgElement.TextElem("hello"), new MsgElement.FaceElem(1, "smile"),
				new MsgElement.LocationElem("Shenzhen", 22.54, 114.05),
				new MsgElement.CustomElem("{}", "notice", "ext", "dingdong.aiff"), image(), sound(), file(), video());
	}

	static OfficialAccountMessage text(String text) {
		return OfficialAccountMessage.of(OA, 9875, List.of(new MsgElement.TextElem(text)));
	}

	static OfficialAccountMessage withBody(MsgElement... elements) {
		return OfficialAccountMessage.of(OA, 9875, List.of(elements));
	}

}
