import PDFDocument from 'pdfkit';
import type { CertificateData } from './certificate-data';

const day = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A one-page A4 landscape certificate, streamed as it is drawn. Only the standard fonts, so
 * the PDF carries no font files and renders the same everywhere.
 */
export function certificatePdf(data: CertificateData): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 60, info: { Title: `Certificate: ${data.item}`, Author: data.issuer ?? 'learngraph' } });
  const width = doc.page.width - 120;
  doc.lineWidth(3).rect(30, 30, doc.page.width - 60, doc.page.height - 60).stroke('#1f3a5f');
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(34).fillColor('#1f3a5f').text('Certificate of Completion', { align: 'center', width });
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(16).fillColor('black').text('This certifies that', { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(28).text(data.person, { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(16).text('has completed', { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(24).text(data.item, { align: 'center', width });
  doc.moveDown(1.5);
  const lines = [`Completed on: ${day(data.completedAt)}`];
  if (data.score !== null) lines.push(`Score: ${data.score}`);
  lines.push(`Valid until: ${data.validUntil ? day(data.validUntil) : 'no expiry'}`);
  if (data.issuer) lines.push(`Issued by: ${data.issuer}`);
  doc.font('Helvetica').fontSize(14);
  for (const line of lines) doc.text(line, { align: 'center', width });
  doc.moveDown(2);
  doc.fontSize(9).fillColor('#666666').text(`Record ${data.recordId}`, { align: 'center', width });
  doc.end();
  return doc;
}
