"""casebook"""
