package com.triagedesk.checklist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationNumbersTest {

	@ParameterizedTest
	@ValueSource(strings = { "123456785", "918713867", "923609016", "971234563", "812345672", "987654325",
			"123 456 785", "918.713.867", "NO 918 713 867 MVA", "918713867MVA" })
	void acceptsNorwegianNumbersAsPeopleWriteThem(String number) {
		assertThat(OrganizationNumbers.read(number)).hasValueSatisfying(n -> {
			assertThat(n.country()).isEqualTo("NO");
			assertThat(n.valid()).isTrue();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "918713868", "923609017", "000000001" })
	void rejectsANineDigitNumberWithABadCheckDigit(String number) {
		assertThat(OrganizationNumbers.read(number)).hasValueSatisfying(n -> {
			assertThat(n.country()).isEqualTo("NO");
			assertThat(n.valid()).isFalse();
		});
	}

	@ParameterizedTest
	@CsvSource({ "1366959-8, true", "0112038-9, true", "1366959-7, false", "FI13669598, true" })
	void checksFinnishYTunnus(String number, boolean valid) {
		assertThat(OrganizationNumbers.read(number)).hasValueSatisfying(n -> {
			assertThat(n.country()).isEqualTo("FI");
			assertThat(n.valid()).isEqualTo(valid);
		});
	}

	@ParameterizedTest
	@CsvSource({ "88146328, true", "DK88146328, true", "88146327, false", "25 31 37 63, true" })
	void checksDanishCvr(String number, boolean valid) {
		assertThat(OrganizationNumbers.read(number)).hasValueSatisfying(n -> {
			assertThat(n.country()).isEqualTo("DK");
			assertThat(n.valid()).isEqualTo(valid);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "1234567890", "abc", "", "12-34" })
	void readsNothingThatFitsNoCountry(String number) {
		assertThat(OrganizationNumbers.read(number)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456785", "918713867" })
	void aValidNorwegianNumberFailsWithAnyOtherLastDigit(String number) {
		for (char last = '0'; last <= '9'; last++) {
			String other = number.substring(0, 8) + last;
			assertThat(OrganizationNumbers.norwegianValid(other)).as(other).isEqualTo(other.equals(number));
		}
	}

}
