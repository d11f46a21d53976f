package com.triagedesk.checklist;

import java.util.List;

/**
 * What the evaluator found in a request, from its fields and its free text. Routing and staff use
 * these; null or empty where nothing was found.
 */
public record Facts(String organizationNumber, String organizationNumberCountry, String merchantSerialNumber,
		Product product, List<Product> productsMentioned, Environment environment, List<String> orderIds,
		List<String> transactionIds, List<String> contextIds, List<String> agreementIds, List<String> traceIds,
		List<String> dates, String contactName, String contactPhone, String httpMethod, String httpPath,
		String httpHost, Integer httpStatus, List<String> errorCodes, List<String> hosts, String systemName,
		String pluginName, String sourceCodeLanguage) {
}
