"""What screens are built from: buttons, labels, theme, dates, fitting words, pain scale."""
