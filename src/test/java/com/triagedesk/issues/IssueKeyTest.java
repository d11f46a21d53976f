package com.triagedesk.issues;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssueKeyTest {

	@ParameterizedTest
	@ValueSource(strings = { "VSD-100001", "vsd-100001", " VSD-123456 ", "VSD-1234567890" })
	void readsKeysAsPeopleTypeThem(String text) {
		assertThat(IssueKey.parse(text)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "VSD-12345", "VSD-012345", "VSD 123456", "ABC-123456", "VSD-123456x", "", "VSD-" })
	void rejectsWhatIsNotAKey(String text) {
		assertThat(IssueKey.parse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new IssueKey(text));
	}

}
