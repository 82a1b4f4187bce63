/**
 * The words each enum column accepts, declared once with zod so the lists, the model's
 * types and the sentences that name them cannot drift apart.
 */
import { z } from 'zod';
import { enumWords } from './cellParsers';
import type { AgreementStatus, Basis, EInvoiceFormat, InvoiceLanguage, BillingMode, InvoiceTimes, Link, NodeStatus, ProjectCreation, ProjectRole } from './model';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const InvoiceTimesEnum = z.enum(['OneRowTotal', 'ByGroups', 'ByItems', 'ByTransactions', 'ByItemsPerson']);
export const BasisEnum = z.enum(['Actual', 'AsBudgeted']);
export const ProjectRoleEnum = z.enum(['MainProject', 'Subproject', 'WorkPackage']);
export const NodeStatusEnum = z.enum(['Open', 'InProgress', 'Completed', 'Closed', 'Template']);
export const BillingModeEnum = z.enum(['Rules', 'Manual', 'PaymentPlan', 'BillingRules', 'Billed']);
export const ProjectCreationEnum = z.enum(['Auto', 'None', 'Individual', 'Template']);
export const LinkEnum = z.enum(['OriginalLineItem', 'MainProject', 'Section', 'None']);
export const AgreementStatusEnum = z.enum(['Active', 'Cancelled']);
/** Words an invoice is printed in (Customers Language). */
export const InvoiceLanguageEnum = z.enum(['en', 'de']);
/** The e-invoice syntax of a customer (Customers and Settings EInvoiceFormat). */
export const EInvoiceFormatEnum = z.enum(['None', 'UBL', 'CII', 'XRechnung-UBL', 'XRechnung-CII']);

// Compile-time guards: each list holds exactly the words of its model type.
const typesMatch: [
  Same<z.infer<typeof InvoiceTimesEnum>, InvoiceTimes>,
  Same<z.infer<typeof BasisEnum>, Basis>,
  Same<z.infer<typeof ProjectRoleEnum>, ProjectRole>,
  Same<z.infer<typeof NodeStatusEnum>, NodeStatus>,
  Same<z.infer<typeof BillingModeEnum>, BillingMode>,
  Same<z.infer<typeof ProjectCreationEnum>, ProjectCreation>,
  Same<z.infer<typeof LinkEnum>, Link>,
  Same<z.infer<typeof AgreementStatusEnum>, AgreementStatus>,
  Same<z.infer<typeof InvoiceLanguageEnum>, InvoiceLanguage>,
  Same<z.infer<typeof EInvoiceFormatEnum>, EInvoiceFormat>,
] = [true, true, true, true, true, true, true, true, true, true];
void typesMatch;

export const invoiceTimesWords = enumWords(InvoiceTimesEnum.options);
export const basisWords = enumWords(BasisEnum.options);
export const projectRoleWords = enumWords(ProjectRoleEnum.options);
export const nodeKindWords = projectRoleWords;
export const nodeStatusWords = enumWords(NodeStatusEnum.options);
export const billingModeWords = enumWords(BillingModeEnum.options);
export const projectCreationWords = enumWords(ProjectCreationEnum.options);
export const linkWords = enumWords(LinkEnum.options);
export const agreementStatusWords = enumWords(AgreementStatusEnum.options);
export const invoiceLanguageWords = enumWords(InvoiceLanguageEnum.options);
export const eInvoiceFormatWords = enumWords(EInvoiceFormatEnum.options);
