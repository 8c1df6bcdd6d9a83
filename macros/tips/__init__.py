"""tips"""
