package com.triagedesk.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.NextPage;
import com.triagedesk.PlainText;
import com.triagedesk.ProblemTypes;
import com.triagedesk.routing.Merchant;
import com.triagedesk.routing.MerchantDirectory;
import com.triagedesk.routing.MerchantPage;

/**
 * The merchant directory, which lets a redirect name the actual partner, PSP or POS vendor and lets
 * staff escalate to the key account manager: read with {@code issues:read}, kept up to date (one
 * merchant, or a whole CSV export from the CRM) with {@code issues:write}.
 */
@RestController
@RequestMapping(path = "/api/v1/merchants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Merchants", description = "The merchant directory: partner, PSP, POS vendor and key account manager per merchant")
class MerchantController {

	private final MerchantDirectory directory;

	MerchantController(MerchantDirectory directory) {
		this.directory = directory;
	}

	@Operation(operationId = "listMerchants", summary = "List or search the merchant directory", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping
	ResponseEntity<MerchantPage> list(@RequestParam(required = false) @PlainText @Size(max = 200) String q,
			@RequestParam(required = false) @PlainText @Size(max = 100) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		MerchantPage page;
		try {
			page = directory.list(q, cursor, limit);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		String next = NextPage.link(page.nextCursor());
		if (next != null) {
			ok.header(HttpHeaders.LINK, next);
		}
		return ok.body(page);
	}

	@Operation(operationId = "getMerchant", summary = "Read a merchant by MSN", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping("/{merchantSerialNumber}")
	Merchant merchant(@PathVariable String merchantSerialNumber) {
		Callers.require(ApiScope.ISSUES_READ);
		return directory.byMerchantSerialNumber(merchantSerialNumber)
			.orElseThrow(() -> notFound(merchantSerialNumber));
	}

	/**
	 * What the directory knows of one merchant; every field but the MSN may be left out.
	 */
	record MerchantFields(@PlainText @Size(max = 100) String organizationNumber,
			@PlainText @Size(max = 200) String name, @PlainText @Size(max = 200) String partner,
			@PlainText @Size(max = 1000) String partnerContact, @PlainText @Size(max = 200) String psp,
			@PlainText @Size(max = 1000) String pspContact, @PlainText @Size(max = 200) String posVendor,
			@PlainText @Size(max = 1000) String posVendorContact,
			@PlainText @Size(max = 200) String keyAccountManager,
			@PlainText @Email @Size(max = 254) String keyAccountManagerEmail) {
	}

	/**
	 * Adds the merchant with this MSN or replaces what the directory says about it.
	 */
	@Operation(operationId = "saveMerchant", summary = "Add or replace a merchant", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = { @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "200", description = "Replaced", useReturnTypeSchema = true) })
	@PutMapping(path = "/{merchantSerialNumber}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Merchant> save(@PathVariable String merchantSerialNumber, @Valid @RequestBody MerchantFields fields) {
		Callers.require(ApiScope.ISSUES_WRITE);
		if (!MerchantDirectory.validMerchantSerialNumber(merchantSerialNumber)) {
			throw invalid("An MSN is 4 to 7 digits.");
		}
		Merchant merchant = new Merchant(merchantSerialNumber, fields.organizationNumber(), fields.name(),
				fields.partner(), fields.partnerContact(), fields.psp(), fields.pspContact(), fields.posVendor(),
				fields.posVendorContact(), fields.keyAccountManager(), fields.keyAccountManagerEmail());
		boolean created = directory.save(merchant);
		Merchant saved = directory.byMerchantSerialNumber(merchant.merchantSerialNumber()).orElseThrow();
		if (created) {
			return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/v1/merchants/{msn}")
				.buildAndExpand(saved.merchantSerialNumber())
				.toUri()).body(saved);
		}
		return ResponseEntity.ok(saved);
	}

	@Operation(operationId = "deleteMerchant", summary = "Remove a merchant", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "204", description = "Removed"))
	// 204 without a body: any Accept will do (clients ask for application/problem+json here).
	@DeleteMapping(path = "/{merchantSerialNumber}", produces = MediaType.ALL_VALUE)
	ResponseEntity<Void> remove(@PathVariable String merchantSerialNumber) {
		Callers.require(ApiScope.ISSUES_WRITE);
		if (!directory.remove(merchantSerialNumber)) {
			throw notFound(merchantSerialNumber);
		}
		return ResponseEntity.noContent().build();
	}

	@Schema(name = "MerchantImportResult")
	record Imported(int imported) {
	}

	/**
	 * A CSV export (header row naming the columns, comma or semicolon separated, UTF-8) added to
	 * the directory: merchants by MSN (or organization number) are added or updated. All or nothing.
	 */
	@Operation(operationId = "importMerchants", summary = "Import a CSV export of merchants",
			description = "Columns: msn, organization_number, name, partner, partner_contact, psp, psp_contact, pos_vendor, "
					+ "pos_vendor_contact, kam, kam_email (any order; msn or organization_number per row). All or nothing.",
			security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"))
	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	Imported importCsv(@RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(
			required = true, description = "The CSV file, UTF-8, header row first",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")) }) byte[] csv) {
		Callers.require(ApiScope.ISSUES_WRITE);
		try {
			return new Imported(directory.importFile(csv));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("The CSV file was not imported: " + ex.getMessage());
		}
	}

	private static ErrorResponseException invalid(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(ProblemTypes.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	private static ErrorResponseException notFound(String merchantSerialNumber) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The merchant directory has no merchant with MSN " + merchantSerialNumber + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
