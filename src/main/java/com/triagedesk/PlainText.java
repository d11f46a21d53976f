package com.triagedesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person could have typed: no NUL or other control characters (tab and line breaks are
 * fine) and no broken UTF-16. PostgreSQL cannot store NUL, and control characters in a subject
 * end up in mail headers.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

	String message() default "must not contain control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	public class Validator implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

	}

}
