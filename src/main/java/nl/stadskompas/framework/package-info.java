// SPDX-License-Identifier: EUPL-1.2
/**
 * The service framework ("dienstverleningskader") of an organisation: core values, promises with
 * the needs behind them and guidance for employees, statements that residents rate (the central
 * KPIs), service aspects and norms. Frameworks are versioned and travel between organisations as a
 * file. It reads teams and services from the organisation module by id and name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service framework")
package nl.stadskompas.framework;
