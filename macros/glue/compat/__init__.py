"""glue/compat"""
