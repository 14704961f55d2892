"""What goes on paper: the printable exercise sheet of a routine (documents/sheet.py), as
HTML with its pictures named. No Qt; ui/printing/pdf.py lays it out on pages."""
