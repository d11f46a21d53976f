package com.triagedesk.checklist;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone field of a plain shape is read without libphonenumber's parser: whatever the field
 * holds, the number read (or none) must be the one the parser reads.
 */
class ContactsProperties {

	final Contacts contacts = new Contacts();

	@Property(tries = 5000)
	void aPhoneFieldIsReadAsLibphonenumberReadsIt(@ForAll("phoneFields") String field) {
		assertThat(contacts.parse(field)).as(List.of(field).toString()).isEqualTo(contacts.parseWithLibrary(field));
	}

	@Example
	void theCommonShapesAreReadWithoutTheParser() {
		for (String field : List.of("+47 912 34 567", "+4791234567", "912 34 567", "91234567", "+45 32 12 34 56",
				"+47-912-34-567")) {
			assertThat(Contacts.plainNumber(field)).as(field).isNotNull();
			assertThat(contacts.parse(field)).as(field).isPresent().isEqualTo(contacts.parseWithLibrary(field));
		}
		for (String field : List.of("0047 912 34 567", "47 91 23 45", "+46 70 123 45 67", "+47 012 34 567",
				"912 34 567 (mobil)", "+47 912 34 567 ext. 12", "+358 40 123 4567")) {
			assertThat(Contacts.plainNumber(field)).as(field).isNull();
		}
	}

	/** Fields made of country codes, prefixes, digits and the separators people put between them. */
	@Provide
	Arbitrary<String> phoneFields() {
		Arbitrary<String> piece = Arbitraries.oneOf(
				Arbitraries.of("+", "+47", "+45", "+46", "+358", "+4", "+1", "00", "0", "47", "45", "4", "＋47", " ", "  ",
						"-", ".", "(0)", "(", ")", "/", "x", "ext", "#", "\t", "٩"),
				Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4));
		Arbitrary<String> plain = Arbitraries.of("+47 ", "+45 ", "+47", "+45", "", "-")
			.flatMap(prefix -> Arbitraries.strings()
				.withChars("0123456789  -")
				.ofMinLength(6)
				.ofMaxLength(14)
				.map(rest -> prefix + rest));
		return Arbitraries.oneOf(piece.list().ofMaxSize(8).map(parts -> String.join("", parts)), plain)
			.filter(field -> !field.isBlank())
			.map(String::strip);
	}

}
