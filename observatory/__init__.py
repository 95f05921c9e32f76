"""Osservatorio Lecco 2.0: labour-market data for the provinces of Como and Lecco.

Data flows one way: publisher → sources → refresh → store → indicators → charts/maps → pages.
Only `observatory.ui` imports Streamlit; everything else is plain Python on DataFrames.
"""
